from django.urls import path

from cairn.planning.views import sessions, steps

S = "plan/<int:session_id>/"

urlpatterns = [
    path("plan/", sessions.index, name="plan_index"),
    path("plan/start/", sessions.start, name="plan_start"),
    path(S, sessions.resume, name="plan_resume"),
    path(S + "discard/", sessions.discard, name="plan_discard"),
    path(S + "restore/", sessions.restore, name="plan_restore"),
    path(S + "commit/", sessions.commit, name="plan_commit"),
    path(S + "reflect/<int:question>/", steps.reflect_page, name="plan_reflect"),
    path(S + "breakdown/micro-goals/", steps.add_micro_goal, name="plan_add_micro_goal"),
    path(S + "<str:step>/autosave/", steps.autosave, name="plan_autosave"),
    path(S + "<str:step>/", steps.step_page, name="plan_step"),
]
