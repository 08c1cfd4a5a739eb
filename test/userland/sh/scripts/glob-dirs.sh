mkdir -p d1/x d2/y
touch d1/f1 d2/f2
echo d*/
echo */f*
echo d?/*
