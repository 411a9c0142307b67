#!/usr/bin/env python3
"""Derives src/main/resources/reference/demo-history/la311_derived.csv from the LA 311 sample
(/work/shared/data/civic_requests_la311/la311_2017-12-27_to_31_raw.csv, City of Los Angeles Open Data via
hackforla/311-data). Keeps only what the demo history generator needs, per request with coordinates:
  type          LA RequestType
  source        LA RequestSource (channel)
  minute        minute of the local day the request was created (0..1439)
  x, y          the point normalised to [0,1] over the sample's bounding box (x: west->east, y: south->north);
                the generator maps it affinely into the demo district (a SYNTHETIC transform)
  q             the rank quantile (0..1) of the request's time-to-close within its type (0.5 when not closed)
  status        LA Status (Closed, Cancelled, Referred Out, Open)
Usage: python3 bench/derive-la311.py <raw.csv> > src/main/resources/reference/demo-history/la311_derived.csv
"""
import csv, sys, datetime, collections

F = '%m/%d/%Y %I:%M:%S %p'
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['Latitude'] and r['Longitude']]
lat = [float(r['Latitude']) for r in rows]
lon = [float(r['Longitude']) for r in rows]
min_lat, max_lat, min_lon, max_lon = min(lat), max(lat), min(lon), max(lon)
hours = {}
by_type = collections.defaultdict(list)
for i, r in enumerate(rows):
    if r['ClosedDate']:
        h = (datetime.datetime.strptime(r['ClosedDate'], F) - datetime.datetime.strptime(r['CreatedDate'], F)).total_seconds() / 3600
        if h >= 0:  # 12 rows close before they were created: a known defect of the export
            hours[i] = h
            by_type[r['RequestType']].append((h, i))
quantile = {}
for t, lst in by_type.items():
    lst.sort()
    for rank, (h, i) in enumerate(lst):
        quantile[i] = (rank + 0.5) / len(lst)
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['type', 'source', 'minute', 'x', 'y', 'q', 'status'])
for i, r in enumerate(rows):
    created = datetime.datetime.strptime(r['CreatedDate'], F)
    out.writerow([r['RequestType'], r['RequestSource'], created.hour * 60 + created.minute,
                  '%.5f' % ((float(r['Longitude']) - min_lon) / (max_lon - min_lon)),
                  '%.5f' % ((float(r['Latitude']) - min_lat) / (max_lat - min_lat)),
                  '%.4f' % quantile.get(i, 0.5), r['Status']])
print('bbox lat %.6f..%.6f lon %.6f..%.6f, %d rows' % (min_lat, max_lat, min_lon, max_lon, len(rows)), file=sys.stderr)
