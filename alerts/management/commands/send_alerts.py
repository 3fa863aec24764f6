import smtplib

from django.core.management.base import BaseCommand, CommandError

from alerts.sending import alerts_send


class Command(BaseCommand):
    help = (
        "E-mail subscribers the changes they have not been told yet, and delete sign-ups not "
        "confirmed within 7 days. Safe to stop and to run again: nothing is sent twice."
    )

    def handle(self, *args, **options):
        try:
            report = alerts_send()
        except (smtplib.SMTPException, OSError) as error:
            raise CommandError(
                f"The mail server failed ({error!r}); unsent alerts stay queued for the next run."
            ) from error
        self.stdout.write(f"{report.emails} e-mails sent, {report.refused} addresses refused.")
