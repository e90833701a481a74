"""News articles: quotes in prose, attributed by "X said", pronouns, descriptors and continuations.

Entry point: `parse_news(text)` returns a `NewsArticle` of quotes with character offsets.
"""

from app.nlp.news.article import NewsArticle, NewsQuote, parse_news

__all__ = ["NewsArticle", "NewsQuote", "parse_news"]
