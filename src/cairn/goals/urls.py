from django.urls import path

from cairn.goals.views import (
    achievements,
    checkins,
    dashboard,
    finish,
    goal,
    reflect,
    roadmap,
    smart,
    steps,
)

G = "goals/<int:goal_id>/"

urlpatterns = [
    path("goals/", dashboard.goal_list, name="goal_list"),
    path("goals/achieved/", dashboard.archive, {"status": "achieved"}, name="achieved"),
    path("goals/abandoned/", dashboard.archive, {"status": "abandoned"}, name="abandoned"),
    path("goals/new/", goal.create, name="goal_new"),
    path("goals/assess/", smart.assess, name="goal_assess"),
    path(G, goal.detail, name="goal"),
    path(G + "edit/", goal.edit, name="goal_edit"),
    path(G + "history/", goal.history, name="goal_history"),
    path(G + "delete/", goal.delete, name="goal_delete"),
    path(G + "activate/", goal.activate, name="goal_activate"),
    path(G + "achieve/", finish.achieve, name="goal_achieve"),
    path(G + "abandon/", finish.abandon, name="goal_abandon"),
    path(G + "celebrate/", finish.celebrate, name="goal_celebrate"),
    path(G + "reward-enjoyed/", finish.reward_enjoyed, name="goal_reward_enjoyed"),
    path(G + "reopen/", finish.reopen, name="goal_reopen"),
    path(G + "resume/", finish.resume, name="goal_resume"),
    path(G + "steps/", steps.add, name="step_add"),
    path(G + "steps/<int:step_id>/edit/", steps.edit, name="step_edit"),
    path(G + "steps/<int:step_id>/toggle/", steps.toggle, name="step_toggle"),
    path(G + "steps/<int:step_id>/move/", steps.move, name="step_move"),
    path(G + "steps/<int:step_id>/delete/", steps.delete, name="step_delete"),
    path(G + "check-ins/", checkins.add, name="check_in_add"),
    path(G + "check-ins/<int:check_in_id>/delete/", checkins.delete, name="check_in_delete"),
    path("roadmap/", roadmap.roadmap_page, name="roadmap"),
    path("achievements/", achievements.log, name="achievements"),
    path("achievements.md", achievements.markdown, name="achievements_md"),
    path("achievements/print/", achievements.printable, name="achievements_print"),
    path("reflect/", reflect.prompts, name="reflect"),
    path("reflect/history/", reflect.prompts_history, name="reflect_history"),
]
