from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "kansrijk.retention"
    label = "retention"
