from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "cairn.webhooks"
    label = "webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cairn.accountability import worker
        from cairn.goals.events import goal_event
        from cairn.webhooks import services

        goal_event.connect(services.on_goal_event, dispatch_uid="webhooks")
        if services.deliver_due not in worker.EXTRA_PASSES:
            worker.EXTRA_PASSES.append(services.deliver_due)
