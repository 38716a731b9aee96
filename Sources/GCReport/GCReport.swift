// GCReport
