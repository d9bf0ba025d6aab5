"""Production memory: DynamoDB, one item per account (hashed id), with a TTL attribute.

Each change to one person's entry is a read, then a write on the condition that the item is
still the one read (its `revision`); a write that lost the race to a housemate's is tried again
on the new item. Only GetItem, PutItem and DeleteItem are used (the template's IAM policy).
Every call is bounded (botocore `Config`: short connect and read timeouts, one retry), so a
throttled or unreachable table costs a turn about a second, never an Alexa timeout.

boto3 and the SDK's adapter are imported only when DynamoDB is configured: the adapter module
builds a boto3 resource as a default argument at import time, which needs an AWS region and
costs a noticeable part of a cold start.
"""

from __future__ import annotations

import logging
import os
import random
import time
from typing import Any

from ask_sdk_core.exceptions import PersistenceException

from skill.storage import (
    RETRY_SECONDS,
    TTL_DAYS,
    Change,
    HouseholdAdapter,
    People,
    hashed_user_id,
    layout,
    people_of,
    quiet_library_loggers,
)

logger = logging.getLogger(__name__)

TTL_ATTRIBUTE = "expires_at"  # template.yaml enables DynamoDB TTL on this attribute
REVISION_ATTRIBUTE = "revision"  # bumped by every write: the condition of the next one
KEY = "id"
ATTRIBUTES = "attributes"
SET_ASIDE_SUFFIX = "#set-aside"  # an unreadable item is kept under its key plus this
# Per call: connect and read timeouts, and two attempts in all (botocore's standard retry mode,
# which also backs off on throttling): about BUDGET_SECONDS at worst. A call past them raises,
# and the turn goes on without memory.
CONNECT_TIMEOUT_SECONDS = 0.5
READ_TIMEOUT_SECONDS = 0.5
TOTAL_ATTEMPTS = 2
REGION_ENVS = ("AWS_REGION", "AWS_DEFAULT_REGION")


class NoRegion(PersistenceException):
    """DynamoDB memory is configured but no AWS region is known."""


def botocore_config() -> Any:
    """The bounded client configuration every DynamoDB call uses."""
    from botocore.config import Config

    return Config(connect_timeout=CONNECT_TIMEOUT_SECONDS, read_timeout=READ_TIMEOUT_SECONDS,
                  retries={"total_max_attempts": TOTAL_ATTEMPTS, "mode": "standard"},
                  max_pool_connections=32)


def dynamodb_resource() -> Any:
    """A boto3 DynamoDB resource with the bounded configuration (NoRegion without a region)."""
    import boto3

    session = boto3.session.Session()
    if session.region_name is None and not any(os.environ.get(name) for name in REGION_ENVS):
        raise NoRegion("DynamoDB memory needs an AWS region: set AWS_REGION (Lambda sets it)")
    return session.resource("dynamodb", config=botocore_config())


class DynamoDbHouseholdAdapter(HouseholdAdapter):
    """Memory in one DynamoDB table: partition key `id`, the item's `attributes`, its
    `expires_at` (TTL) and `revision`. Mixed into the ASK SDK's DynamoDbAdapter (see
    `dynamodb_adapter`), whose `dynamodb` resource and `table_name` it uses."""

    dynamodb: Any
    table_name: str
    ttl_seconds: int
    clock: Any

    @property
    def table(self) -> Any:
        return self.dynamodb.Table(self.table_name)

    # --- the ASK SDK's interface: the account's whole item ----------------------------------

    def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
        item = self._get(hashed_user_id(request_envelope))
        if not item or int(item.get(TTL_ATTRIBUTE, 0)) <= int(self.clock()):
            return {}
        attributes = item.get(ATTRIBUTES)
        return attributes if isinstance(attributes, dict) else {}

    def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
        key = hashed_user_id(request_envelope)
        self._call("save", lambda: self.table.put_item(Item=self._item(key, attributes, 1)))

    def delete_attributes(self, request_envelope: Any) -> None:
        self.delete_account(request_envelope)

    # --- one person at a time -----------------------------------------------------------------

    def read_people(self, request_envelope: Any) -> People:
        key = hashed_user_id(request_envelope)
        item = self._get(key)
        if not item or int(item.get(TTL_ATTRIBUTE, 0)) <= int(self.clock()):
            return {}
        people = people_of(item.get(ATTRIBUTES))
        if people is None:
            self.update_people(request_envelope, lambda people: people)  # sets it aside
            return {}
        return people

    def update_people(self, request_envelope: Any, change: Change, *,
                      forgetting: bool = False) -> None:
        key = hashed_user_id(request_envelope)
        give_up = time.monotonic() + RETRY_SECONDS
        attempt = 0
        while True:
            attempt += 1
            item = self._get(key)
            current: People | None = {}
            if item and int(item.get(TTL_ATTRIBUTE, 0)) > int(self.clock()):
                current = people_of(item.get(ATTRIBUTES))
            if current is None and item is not None:
                self._set_aside(key, item, forgetting=forgetting)
                current = {}
            people = change(dict(current or {}))
            if self._write(key, item, people):
                return
            if time.monotonic() >= give_up:
                raise PersistenceException("memory is being changed by too many turns at once")
            # A housemate's write came first: read again, after a random wait that grows.
            time.sleep(random.uniform(0, 0.002 * 2 ** min(attempt, 5)))

    def delete_account(self, request_envelope: Any) -> None:
        key = hashed_user_id(request_envelope)
        for target in (key, key + SET_ASIDE_SUFFIX):
            self._call("delete", lambda target=target: self.table.delete_item(Key={KEY: target}))

    # --- DynamoDB calls -----------------------------------------------------------------------

    def _write(self, key: str, item: dict[str, Any] | None, people: People) -> bool:
        """Write `people` (or delete the item when empty) if the item is still `item`; False
        when another write came first."""
        from botocore.exceptions import ClientError

        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        if item is None:
            condition = "attribute_not_exists(#key)"
            names["#key"] = KEY
        elif REVISION_ATTRIBUTE in item:
            condition = "#revision = :revision"
            names["#revision"] = REVISION_ATTRIBUTE
            values[":revision"] = item[REVISION_ATTRIBUTE]
        else:  # written before revisions, or by the SDK's own adapter
            condition = "attribute_exists(#key) AND attribute_not_exists(#revision)"
            names.update({"#key": KEY, "#revision": REVISION_ATTRIBUTE})
        conditional: dict[str, Any] = {"ConditionExpression": condition,
                                       "ExpressionAttributeNames": names}
        if values:
            conditional["ExpressionAttributeValues"] = values
        revision = int(item.get(REVISION_ATTRIBUTE, 0)) + 1 if item else 1
        try:
            if people:
                self._call("save", lambda: self.table.put_item(
                    Item=self._item(key, layout(people), revision), **conditional),
                    passing=ClientError)
            elif item is not None:
                self._call("delete", lambda: self.table.delete_item(
                    Key={KEY: key}, **conditional), passing=ClientError)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise PersistenceException(
                f"failed to write memory to DynamoDB ({_code(exc)})") from exc
        return True

    def _set_aside(self, key: str, item: dict[str, Any], *, forgetting: bool) -> None:
        """Keep an unreadable item apart (deleted instead when its person deletes their data);
        the write that follows replaces it, on the condition that it is still the same."""
        if forgetting:
            self._call("delete", lambda: self.table.delete_item(
                Key={KEY: key + SET_ASIDE_SUFFIX}))
            logger.warning("deleting an unreadable memory item")
            return
        kept = {**item, KEY: key + SET_ASIDE_SUFFIX,
                TTL_ATTRIBUTE: int(self.clock()) + self.ttl_seconds}
        self._call("save", lambda: self.table.put_item(Item=kept))
        logger.warning("set aside an unreadable memory item; its account starts afresh")

    def _get(self, key: str) -> dict[str, Any] | None:
        response = self._call("read", lambda: self.table.get_item(
            Key={KEY: key}, ConsistentRead=True))
        item = response.get("Item") if isinstance(response, dict) else None
        return item if isinstance(item, dict) else None

    def _item(self, key: str, attributes: dict[str, Any], revision: int) -> dict[str, Any]:
        return {KEY: key, ATTRIBUTES: attributes,
                TTL_ATTRIBUTE: int(self.clock()) + self.ttl_seconds,
                REVISION_ATTRIBUTE: revision}

    @staticmethod
    def _call(what: str, call: Any, passing: type[BaseException] | None = None) -> Any:
        """One DynamoDB call; boto3 raises many types, the SDK's contract is one. Messages
        name the error type or code only: boto3's quote the request."""
        try:
            return call()
        except PersistenceException:
            raise
        except Exception as exc:
            if passing is not None and isinstance(exc, passing):
                raise
            raise PersistenceException(
                f"failed to {what} memory in DynamoDB ({_code(exc)})") from exc


def _code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if isinstance(code, str):
            return code
    return type(exc).__name__


def dynamodb_adapter(table_name: str, *, resource: Any = None, ttl_days: int = TTL_DAYS,
                     clock: Any = time.time) -> DynamoDbHouseholdAdapter:
    """The adapter on `table_name` (an ASK SDK DynamoDbAdapter too), with a bounded client."""
    quiet_library_loggers()
    if resource is None:
        resource = dynamodb_resource()  # before the SDK's module, which needs a region too
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter

    class Adapter(DynamoDbHouseholdAdapter, DynamoDbAdapter):
        pass

    adapter = Adapter(
        table_name=table_name, partition_key_name=KEY, attribute_name=ATTRIBUTES,
        create_table=False, partition_keygen=hashed_user_id,
        dynamodb_resource=resource)
    adapter.ttl_seconds = ttl_days * 86400
    adapter.clock = clock
    return adapter
