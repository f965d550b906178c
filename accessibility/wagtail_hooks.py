from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import BarrierReport
from .views import BarrierReportViewSet, ReportPermissionPolicy

# Registered before the view set, which would otherwise install the default policy.
register_permission_policy(BarrierReport, ReportPermissionPolicy(BarrierReport))


@hooks.register("register_admin_viewset")
def register_barrier_reports():
    return BarrierReportViewSet()
