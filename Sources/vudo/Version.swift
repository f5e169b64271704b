/// The release this `vudo` belongs to: CHANGELOG.md's newest entry (a test holds them together).
let vudoVersion = "0.1.0"
