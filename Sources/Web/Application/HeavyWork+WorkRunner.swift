import UseCases

/// The use cases run their CPU-heavy parts on the heavy pool, refused with 503 when it is full.
extension HeavyWork: WorkRunner {}
