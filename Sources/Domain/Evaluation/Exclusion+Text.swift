extension Exclusion.Reason {
    /// A stable key for machine output, e.g. `small_teaching_point`.
    public var key: String {
        switch self {
        case .typeExcluded: "type_excluded"
        case .privateExcluded: "private_excluded"
        case .smallTeachingPoint: "small_teaching_point"
        case .mergedIntoParent: "merged_into_parent"
        case .parentOutOfScope: "parent_out_of_scope"
        }
    }

    /// Why the school is left out, as a person reads it.
    public func text(in language: Language) -> String {
        switch self {
        case .typeExcluded:
            language.pick("办学类型不纳入资源配置评估", "school type outside the resource-allocation part")
        case .privateExcluded:
            language.pick("民办学校不纳入", "private schools are left out")
        case let .smallTeachingPoint(minimum):
            language.pick("不足\(minimum)人的教学点", "teaching point under \(minimum) students")
        case let .mergedIntoParent(parent):
            language.pick("并入所属学校 \(parent) 计算", "counted with its parent school \(parent)")
        case let .parentOutOfScope(parent):
            language.pick("所属学校 \(parent) 不在评估范围内", "its parent school \(parent) is out of scope")
        }
    }
}
