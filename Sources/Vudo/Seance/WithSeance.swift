/// Runs `body` with a new ``Seance`` and dismisses it afterwards, whether `body` returns or throws.
public func withSeance<R>(
    defaults: SpiritOptions = .seanceDefaults, maximumMemoryPages: UInt64? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (Seance) async throws -> sending R
) async throws -> sending R {
    let seance = Seance(defaults: defaults, maximumMemoryPages: maximumMemoryPages)
    do {
        let result = try await body(seance)
        await seance.dismiss()
        return result
    } catch {
        await seance.dismiss()
        throw error
    }
}
