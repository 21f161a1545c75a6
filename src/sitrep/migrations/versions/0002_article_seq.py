"""Articles get a storing order (``seq``), so concurrent writers see each other's stories.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # A database made by create_all from a newer schema.py than 0001's (and stamped 0001) has it already.
    if "seq" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("articles")}:
        return
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))
        batch_op.create_index('ix_articles_seq', ['seq'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_seq')
        batch_op.drop_column('seq')
