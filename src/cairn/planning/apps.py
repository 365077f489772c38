from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "cairn.planning"
    label = "planning"
    verbose_name = "Guided goal-setting sessions"

    def ready(self) -> None:
        # goals proposes brainstormed ideas as next goals without importing planning.
        from cairn.goals.services.finish import register_idea_source
        from cairn.planning.services import open_ideas

        register_idea_source(open_ideas)
