"""Production memory: the ASK SDK's DynamoDB adapter, keyed by hashed id, with a TTL attribute.

boto3 and the adapter are imported only when DynamoDB is configured: the adapter module builds a
boto3 resource as a default argument at import time, which needs an AWS region and costs a
noticeable part of a cold start.
"""

from __future__ import annotations

import time
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

from skill.storage import TTL_DAYS, hashed_user_id

TTL_ATTRIBUTE = "expires_at"  # template.yaml enables DynamoDB TTL on this attribute


def dynamodb_adapter(table_name: str, *, resource: Any = None, ttl_days: int = TTL_DAYS,
                     clock: Any = time.time) -> AbstractPersistenceAdapter:
    import boto3
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter

    class ExpiringDynamoDbAdapter(DynamoDbAdapter):
        """Writes `expires_at` beside the attributes so DynamoDB deletes idle memory.

        DynamoDB's TTL deletes expired items within days, not at once, so reads skip them too.
        """

        def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
            try:
                item = self.dynamodb.Table(self.table_name).get_item(
                    Key={self.partition_key_name: self.partition_keygen(request_envelope)},
                    ConsistentRead=True).get("Item")
            except PersistenceException:
                raise
            except Exception as exc:
                raise PersistenceException(
                    f"failed to read attributes from DynamoDB ({type(exc).__name__})") from exc
            if not item or int(item.get(TTL_ATTRIBUTE, 0)) <= int(clock()):
                return {}
            attributes = item.get(self.attribute_name)
            return attributes if isinstance(attributes, dict) else {}

        def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
            try:
                self.dynamodb.Table(self.table_name).put_item(Item={
                    self.partition_key_name: self.partition_keygen(request_envelope),
                    self.attribute_name: attributes,
                    TTL_ATTRIBUTE: int(clock()) + ttl_days * 86400,
                })
            except PersistenceException:
                raise
            except Exception as exc:  # boto3 raises many types; the SDK's contract is one
                raise PersistenceException(
                    f"failed to save attributes to DynamoDB ({type(exc).__name__})") from exc

    return ExpiringDynamoDbAdapter(
        table_name=table_name,
        partition_key_name="id",
        attribute_name="attributes",
        create_table=False,
        partition_keygen=hashed_user_id,
        dynamodb_resource=resource if resource is not None else boto3.resource("dynamodb"),
    )
