from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "cairn.portability"
    label = "portability"
    verbose_name = "Export and import"

    def ready(self) -> None:
        # The worker (accountability, below this layer) deletes due accounts on each pass.
        from cairn.accountability import worker
        from cairn.portability.deletion import delete_due_accounts

        if delete_due_accounts not in worker.EXTRA_PASSES:
            worker.EXTRA_PASSES.append(delete_due_accounts)
