from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "cairn.portability"
    label = "portability"
    verbose_name = "Export and import"
