import Synchronization

/// How often each internal instruction, and each pair of instructions in a row, runs: what
/// superinstructions should be chosen by. Counts are exact and the same on every run, where timings
/// on a shared machine move by a tenth between runs.
///
/// Debug builds only: there the driver loop dispatches every instruction and counts it when the
/// profile is on; in optimized builds handlers jump to each other and nothing is counted (nor
/// checked). The `vudo` CLI turns it on when `VUDO_PROFILE_INSTRUCTIONS` is set and prints the
/// report at exit (`scripts/profile-instructions.sh`).
@_spi(Tools) public enum InstructionProfile {
    private struct Counts {
        /// By the handlers' addresses: the previous instruction's, then this one's.
        var pairs: [UInt: [UInt: Int]] = [:]
        var previous: UInt = 0
    }

    private static let isOn = Atomic<Bool>(false)
    private static let counts = Mutex(Counts())

    /// Starts counting (in this process, for every store), from zero.
    public static func start() {
        counts.withLock { $0 = Counts() }
        isOn.store(true, ordering: .relaxed)
    }

    /// Stops counting; the counts stay for `report`.
    public static func stop() {
        isOn.store(false, ordering: .relaxed)
    }

    static var isCounting: Bool { isOn.load(ordering: .relaxed) }

    /// A run starts: its first instruction follows no other.
    static func startRun() {
        counts.withLock { $0.previous = 0 }
    }

    static func count(_ handler: Handler) {
        let address = UInt(bitPattern: unsafeBitCast(handler, to: UnsafeRawPointer.self))
        counts.withLock { counts in
            counts.pairs[counts.previous, default: [:]][address, default: 0] += 1
            counts.previous = address
        }
    }

    /// The `top` most frequent instructions and pairs, with their share of all instructions run.
    /// Operations that share a handler (`f32.load` runs `i32.load`'s) are named together.
    public static func report(top: Int = 40) -> String {
        var names: [UInt: [String]] = [:]
        for op in InternalOp.allCases {
            let handler = InternalOp.handlers[Int(op.rawValue)]
            names[UInt(bitPattern: unsafeBitCast(handler, to: UnsafeRawPointer.self)), default: []].append(op.text)
        }
        func name(_ address: UInt) -> String { names[address]?.joined(separator: "|") ?? "?" }
        let pairs = counts.withLock { $0.pairs }
        var singles: [UInt: Int] = [:]
        var rows: [(count: Int, text: String)] = []
        for (previous, followers) in pairs {
            for (address, count) in followers {
                singles[address, default: 0] += count
                if previous != 0 { rows.append((count, "\(name(previous)) → \(name(address))")) }
            }
        }
        let total = singles.values.reduce(0, +)
        guard total > 0 else {
            return "no instructions counted: only a debug build counts them (swift build --product vudo)\n"
        }
        func lines(_ title: String, _ rows: [(count: Int, text: String)]) -> String {
            var out = "\(title)\n"
            for row in rows.sorted(by: { ($0.count, $1.text) > ($1.count, $0.text) }).prefix(top) {
                let perMille = row.count * 1000 / total
                out += "\(String(row.count).leftPadded(to: 12)) \(String(perMille).leftPadded(to: 4))‰  \(row.text)\n"
            }
            return out
        }
        return "instructions run: \(total)\n"
            + lines("most frequent instructions:", singles.map { ($0.value, name($0.key)) })
            + lines("most frequent pairs (the first, then the second):", rows)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
