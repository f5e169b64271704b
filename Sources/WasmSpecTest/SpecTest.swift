public enum SpecTest {}
