from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kansrijk.people"
    label = "people"
