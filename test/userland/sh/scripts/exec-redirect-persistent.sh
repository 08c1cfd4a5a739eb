exec > log
echo into-log
exec >&2
cat log >&2
