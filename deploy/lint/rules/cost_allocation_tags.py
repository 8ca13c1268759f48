"""cfn-lint rule of this project: every resource CloudFormation can tag carries the cost-allocation tags.

Whether a type is taggable, and under which property, comes from the resource schemas cfn-lint ships (the "tagging"
section: Tags for most types, FileSystemTags or AccessPointTags for EFS, ...). Run with
`cfn-lint --append-rules deploy/lint/rules TEMPLATE` (tests/Deploy.Tests does).
"""

from cfnlint.rules import CloudFormationLintRule, RuleMatch
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

REQUIRED_KEYS = ("Application", "Environment", "CostCenter")


class CostAllocationTags(CloudFormationLintRule):
    """Taggable resources carry Application, Environment and CostCenter tags."""

    id = "E9101"
    shortdesc = "Cost-allocation tags on every taggable resource"
    description = "Every resource whose type takes tags has the Application, Environment and CostCenter tags"
    source_url = "deploy/README.md"
    tags = ["resources", "tags", "cost"]

    def match(self, cfn):
        matches = []
        for name, resource in cfn.get_resources().items():
            prop = _tag_property(cfn.regions[0], resource.get("Type", ""))
            if prop is None:
                continue
            keys = _keys(resource.get("Properties", {}).get(prop))
            missing = [k for k in REQUIRED_KEYS if k not in keys]
            if missing:
                matches.append(RuleMatch(["Resources", name], f"{name} lacks the cost-allocation tag(s) {', '.join(missing)} in {prop}"))
        return matches


def _tag_property(region, resource_type):
    """The property holding a type's tags, or None when the type takes none (or is not a published type)."""
    try:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(region, resource_type).schema
    except Exception:  # custom resources and types cfn-lint does not know
        return None
    tagging = schema.get("tagging")
    if tagging is None:
        return "Tags" if "Tags" in schema.get("properties", {}) else None
    if not tagging.get("taggable", False):
        return None
    return tagging.get("tagProperty", "/properties/Tags").rsplit("/", 1)[-1]


def _keys(tags):
    """Tag keys of a list of {Key, Value} or of a key/value map."""
    if isinstance(tags, list):
        return {t.get("Key") for t in tags if isinstance(t, dict)}
    if isinstance(tags, dict):
        return set(tags.keys())
    return set()
