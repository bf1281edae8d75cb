"""Orchestration of the data path for a report: release -> link -> estimate, cached on inputs."""

from routekit.pipeline.workspace import Workspace, prepare_workspace  # noqa: F401
