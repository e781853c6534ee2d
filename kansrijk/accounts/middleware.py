from django.shortcuts import redirect
from django_htmx.http import HttpResponseClientRedirect

from kansrijk.core.navigation import url_with_next

from .selectors import user_needs_second_factor

# What a user who passed the password but not the second factor may open.
# The evaluation questionnaire and the privacy statements are public: they answer the same
# whoever is (half) logged in.
OPEN_VIEWS = frozenset(
    {
        "accounts:second_factor",
        "accounts:second_factor_setup",
        "logout",
        "set_language",
        "evaluations:answer",
        "evaluations:thanks",
        "privacy_statement",
        "privacy_statement_current",
        "privacy_statement_version",
    }
)


class SecondFactorRequiredMiddleware:
    """Sends Halt staff without a verified second factor to the two-step pages, from anywhere.

    Installed after django_otp's OTPMiddleware, which tells whether this session's user was
    verified. One rule for every view, the Django admin included, so that no new page can be
    forgotten. It looks at the resolved view, so an unknown address still answers 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user_needs_second_factor(user) or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        url = url_with_next(
            "accounts:second_factor", request.get_full_path() if request.method == "GET" else ""
        )
        if getattr(request, "htmx", False):
            # A plain redirect would land the two-step page inside the fragment being swapped.
            return HttpResponseClientRedirect(url)
        return redirect(url)
