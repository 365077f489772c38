"""Pages of a list: `limit` (1 to 500, 100 unless asked) and `offset`, both bounded so no
query string can ask the database for more than it can count."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Paging(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10_000_000)
