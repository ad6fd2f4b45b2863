"""The Python half of tools/bench-many.sh: a folder of reports through envreport.frame on
a local Dask cluster, one frame a partition; prints the time, the rows and the workers'
peak memory."""

import glob
import resource
import sys
import time


def main():
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    import envreport

    paths = sorted(glob.glob(f"{sys.argv[1]}/*/*.txt"))
    jobs = int(sys.argv[2])
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        start = time.perf_counter()
        bag = db.from_sequence(paths, npartitions=jobs * 8)
        counts = bag.map_partitions(lambda ps: [len(envreport.frame(list(ps)))]).compute()
        took = time.perf_counter() - start
        peak = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values())
    print(f"python + dask: {took:.1f} s, {sum(counts)} rows, worker peak {peak} KB")


if __name__ == "__main__":
    main()
