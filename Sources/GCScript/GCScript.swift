// GCScript
