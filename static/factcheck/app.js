// Small behaviours shared by every page; the review desk's own live in review.js.
// Every control also works without JavaScript.
