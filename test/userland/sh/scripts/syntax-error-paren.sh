echo before
echo )
echo never
