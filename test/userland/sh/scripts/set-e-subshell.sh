set -e
(false; echo never-in-sub) || echo sub-failed
echo next
(exit 3)
echo never
