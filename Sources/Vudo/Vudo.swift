public enum Vudo {}
