import smtplib

from django.core.management import BaseCommand, CommandError

from portal.reviewdates.reminders import review_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each content publisher the published items overdue or soon due for review "
        "(each item at most once a week). Run daily."
    )

    def handle(self, *args, **options):
        try:
            items, recipients = review_reminders_send()
        except (smtplib.SMTPException, OSError) as error:
            raise CommandError(f"Could not send the review reminders: {error}") from error
        if items and not recipients:
            raise CommandError(
                f"{items} items are due for review, but no content publisher has an e-mail "
                "address to tell."
            )
        self.stdout.write(f"Reminded {recipients} publishers of {items} items due for review.")
