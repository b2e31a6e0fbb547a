/// What the classes a school adds cost (扩班费用), for plans that may grow schools: school j
/// holds `base[j]` places, and each class of `classPlaces` children it takes above them costs
/// `cost[j]` in the plan's cost units (child-km) and `spend[j]` yuan — all of them within
/// `spendLimit` yuan.
///
/// A school's classes follow its children: c(load) = ⌈(load − base)⁺ / classPlaces⌉. The
/// charge c(load) · cost is nondecreasing in the load, so what a partial plan has been charged
/// is a lower bound of what any completion is charged — which keeps a branch and bound's cuts
/// valid, and makes a spend that passes the limit final for the subtree.
///
/// Worked example: base 1,350, classes of 45, 800,000 yuan each. 1,400 children need
/// ⌈50 / 45⌉ = 2 classes, 1,600,000 yuan; 1,395 need one.
struct ZoneClassCharge: Sendable {
    /// Places per school before any class is added (`Int.max`: never grows).
    let base: [Int]
    /// Children per added class (the standard class size).
    let classPlaces: Int
    /// Cost per added class, in child-km.
    let cost: [Double]
    /// Yuan per added class.
    let spend: [Double]
    /// Yuan the added classes may cost in all (+∞: no limit).
    let spendLimit: Double

    /// Classes school j adds to hold `load` children.
    func classes(_ j: Int, load: Int) -> Int {
        Self.classes(load: load, base: base[j], classPlaces: classPlaces)
    }

    /// Classes of `classPlaces` a school of `base` places adds to hold `load` children.
    static func classes(load: Int, base: Int, classPlaces: Int) -> Int {
        load > base ? (load - base + classPlaces - 1) / classPlaces : 0
    }

    /// The cost and yuan of the classes `loads` need.
    func totals(_ loads: [Int]) -> (cost: Double, spend: Double) {
        var cost = 0.0, spend = 0.0
        for (j, load) in loads.enumerated() {
            let c = Double(classes(j, load: load))
            cost += c * self.cost[j]
            spend += c * self.spend[j]
        }
        return (cost, spend)
    }

    /// Whether `spend` yuan keep within the limit (10⁻¹² relative, as budgets are compared).
    func affords(_ spend: Double) -> Bool {
        spend <= spendLimit * (1 + 1e-12)
    }
}
