"""copydesk: clean text, named entities and attributed quotes from scraped news articles.

>>> import copydesk
>>> art = copydesk.analyze("Example News\\n\\nTalks resume\\n\\nThe minister said on Monday that the talks would resume next week.")
>>> art.title
'Talks resume'
>>> art.text
'The minister said on Monday that the talks would resume next week.'
"""

from copydesk._core import CopydeskError, __version__
from copydesk.api import analyze, analyze_batch
from copydesk.models import Article, Entity, Failed, Mention, Quote, Removed, Span
from copydesk.render import render

__all__ = [
    "Article",
    "CopydeskError",
    "Entity",
    "Failed",
    "Mention",
    "Quote",
    "Removed",
    "Span",
    "__version__",
    "analyze",
    "analyze_batch",
    "render",
]
