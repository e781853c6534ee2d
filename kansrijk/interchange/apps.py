from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "kansrijk.interchange"
    label = "interchange"
