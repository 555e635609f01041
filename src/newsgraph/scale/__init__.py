"""The same pipeline past one machine: partitions of input on Ray, Parquet out."""
