from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kansrijk.demo"
    label = "demo"
