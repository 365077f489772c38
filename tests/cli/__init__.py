"""Tests of `cairn` commands that have grown their own folder (`cairn plan`)."""
