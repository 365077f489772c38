from django.apps import AppConfig


class CareerDataConfig(AppConfig):
    name = "cairn.careerdata"
    label = "careerdata"
    verbose_name = "Career data (O*NET, BLS)"
