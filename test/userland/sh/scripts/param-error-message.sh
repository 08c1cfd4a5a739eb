# error-ish paths
echo ${x:?} 2>/dev/null; echo never
