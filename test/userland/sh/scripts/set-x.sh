set -x
echo traced
x=1
set +x
echo untraced
