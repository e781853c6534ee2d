from django.shortcuts import render


def home(request):
    """The front door until the professionals' web app replaces it."""
    return render(request, "core/home.html")
