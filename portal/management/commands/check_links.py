from django.core.management import BaseCommand

from portal.linkcheck.services import links_check_published


class Command(BaseCommand):
    help = "Check every outside link in published content and keep each result. Run daily."

    def handle(self, *args, **options):
        checked = links_check_published()
        broken = [link for link in checked if link.broken]
        redirected = [link for link in checked if link.redirects and not link.broken]
        self.stdout.write(
            f"Checked {len(checked)} links: {len(broken)} broken, {len(redirected)} redirected."
        )
        for link in broken:
            self.stdout.write(f"  broken: {link.url} ({link.status_code or link.problem})")
