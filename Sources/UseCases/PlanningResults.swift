// The planning results that the command's and the web's renderers show, and the inputs they
// name, re-exported one by one so that neither the command nor the web imports Planning: they
// reach the planners only through the use cases. When the renderers move to the report model
// (the Reports target), this list shrinks to what the report builders need.
@_exported import struct Planning.BudgetSchedule
@_exported import struct Planning.InvestmentPlan
@_exported import struct Planning.PlanItem
@_exported import enum Planning.PlanOptimality
@_exported import enum Planning.PlanReason
@_exported import struct Planning.PlanningError
@_exported import struct Planning.ResourceCheck
@_exported import enum Planning.RotationObjective
@_exported import struct Planning.RotationObjectiveTerm
@_exported import struct Planning.RotationPlan
@_exported import struct Planning.RotationRules
@_exported import struct Planning.RuralServiceRecord
@_exported import struct Planning.ScheduledYear
@_exported import struct Planning.TeacherIndicatorChange
@_exported import struct Planning.TeacherMove
@_exported import struct Planning.ZoningPlan
@_exported import struct Planning.ZoningRules
@_exported import struct Planning.EnrollmentForecast
@_exported import struct Planning.LayoutPlan
@_exported import struct Planning.LayoutRules
@_exported import enum Planning.LayoutTarget
@_exported import struct Planning.QuotaAllocation
@_exported import struct Planning.QuotaRules
@_exported import enum Planning.ApportionmentMethod
@_exported import struct Planning.FundingRules
@_exported import struct Planning.FundingAllocation
@_exported import struct Planning.CountyFunding
@_exported import struct Planning.CareRules
@_exported import struct Planning.CareRates
@_exported import struct Planning.CarePairing
@_exported import struct Planning.RegisterPairing
@_exported import enum Planning.StrongWeakPairing
