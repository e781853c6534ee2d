"""Date formats that override Django's locale defaults (settings.FORMAT_MODULE_PATH).

Kansrijk shows dates the Dutch way, 26-11-2026, whatever the interface language: the people
reading them work in the Netherlands, and one way of writing a date avoids misreading 03-04.
Everything not set here falls through to Django's own locale formats.
"""
