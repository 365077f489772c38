from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.views import LoginView, PasswordResetConfirmView, PasswordResetView
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from cairn.accounts import services
from cairn.accounts.forms import ProfileForm, SignupForm, ThrottledLoginForm
from cairn.web.types import AuthedRequest


def signup(request: HttpRequest) -> HttpResponse:
    if settings.REGISTRATION != "open":
        raise Http404("Registration is closed on this Cairn.")
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    next_page = _safe_next(request)
    context = {"form": form, "next": next_page}
    if request.method == "POST" and form.is_valid():
        try:
            user = form.create_account()
        except ValidationError:
            return render(request, "registration/signup.html", context, status=400)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Cairn. Tell us a little about yourself.")
        return redirect(next_page or "profile")
    status = 400 if form.errors else 200
    return render(request, "registration/signup.html", context, status=status)


def _safe_next(request: HttpRequest) -> str:
    """Where to go after signing up (an invitation link, say), if it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe else ""


class CairnLoginView(LoginView):
    form_class = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: ThrottledLoginForm) -> HttpResponse:  # type: ignore[override]
        services.clear_failed_logins(form.get_user().get_username())
        return super().form_valid(form)


class CairnPasswordResetView(PasswordResetView):
    """The link in the email points at SITE_URL, never at the Host header the request named."""

    # Not under registration/: django.contrib.auth's own subject template would win there.
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        site = urlsplit(settings.SITE_URL)
        self.extra_email_context = {"protocol": site.scheme, "domain": site.netloc}
        return super().form_valid(form)


class CairnPasswordResetConfirmView(PasswordResetConfirmView):
    """A new password also lifts the login throttle (the throttle message suggests it)."""

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        services.clear_failed_logins(form.user.get_username())
        return response


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    current = services.get_profile(request.user)
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
        saved = services.update_profile(user=request.user, **values)
        request.session["time_zone"] = saved.time_zone
        messages.success(request, "Profile saved.")
        return redirect("profile")
    status = 400 if form.errors else 200
    context = {"form": form, "updated_at": current.updated_at}
    return render(request, "accounts/profile.html", context, status=status)
