"""The public shape of the data's freshness."""

from datetime import datetime

from pydantic import BaseModel, Field


class SyncRunInfo(BaseModel):
    full: bool
    status: str = Field(description="succeeded or failed")
    started_at: datetime
    finished_at: datetime | None
    listed: int
    loaded: int
    unchanged: int
    failed: int
    error: str | None


class Meta(BaseModel):
    orders: int
    provisions: int
    obligations: int
    agencies: int
    data_updated_at: datetime | None = Field(description="When an order last changed.")
    last_sync: SyncRunInfo | None = Field(description="The last finished sync from the Federal Register API.")
    sync_in_progress: bool = Field(description="Whether an import or sync is writing to the database now.")
