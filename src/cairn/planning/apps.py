from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "cairn.planning"
    label = "planning"
    verbose_name = "Guided goal-setting sessions"
