from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "cairn.accountability"
    label = "accountability"
    verbose_name = "Accountability"
